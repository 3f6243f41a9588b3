import { z } from 'zod';
import { dateTime, text } from '../resources/resource-values.js';

/*
 * The parts of DescribeInstanceInformation Cairn reads. The instance id becomes part of an ARN,
 * so it is checked; other values are bounded strings.
 */

const short = z.string().max(256);

export const instanceInformation = z.looseObject({
  InstanceId: z
    .string()
    .regex(/^(i|mi)-[0-9A-Za-z]{1,64}$/, 'expected an i-... or mi-... instance id'),
  ResourceType: short.optional(),
  PingStatus: short.optional(),
  LastPingDateTime: dateTime.optional(),
  PlatformType: short.optional(),
  PlatformName: text.optional(),
  PlatformVersion: short.optional(),
  AgentVersion: short.optional(),
  IsLatestVersion: z.boolean().optional(),
  IamRole: text.optional(),
  ActivationId: short.optional(),
  RegistrationDate: dateTime.optional(),
  ComputerName: text.optional(),
  IPAddress: short.optional(),
});
