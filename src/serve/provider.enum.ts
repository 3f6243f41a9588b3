import { registerEnumType } from 'type-graphql';
import { Provider } from '../model/provider.js';

registerEnumType(Provider, {
  name: 'Provider',
  description: 'The cloud or platform a node belongs to.',
});

export { Provider };
