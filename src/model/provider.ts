/** Clouds and platforms Cairn models. Values are the GraphQL enum values and the `provider` property. */
export const Provider = {
  AWS: 'AWS',
  AZURE: 'AZURE',
  GCP: 'GCP',
  KUBERNETES: 'KUBERNETES',
  ALIBABA: 'ALIBABA',
  OCI: 'OCI',
  IBM: 'IBM',
  /** Nodes that belong to no cloud, such as the Internet. */
  CAIRN: 'CAIRN',
} as const;

export type Provider = (typeof Provider)[keyof typeof Provider];
