import { TwilioError } from "../core/errors";
import { list, single, type Params } from "../core/form";

/**
 * Twilio's rules for an A2P campaign (UsAppToPerson create), from the Messaging v1 OpenAPI
 * description and the error dictionary (../shared/notes/live-twilio.md §6 and §4): a missing
 * parameter is 21727, a text outside its length 21728.
 */
const LENGTHS = {
  Description: [40, 4096],
  MessageFlow: [40, 2048],
  OptInMessage: [20, 320],
  OptOutMessage: [20, 320],
  HelpMessage: [20, 320],
} as const;
const SAMPLE_LENGTH = [20, 1024] as const;
const SAMPLE_COUNT = [2, 5] as const;
const KEYWORD = /^[A-Za-z0-9]{1,255}$/;

const missing = (name: string) => new TwilioError(400, 21727, `Campaign is missing required parameter ${name}`);
const tooLong = (name: string, [min, max]: readonly [number, number], length: number) =>
  new TwilioError(400, 21728, `${name} must be between ${min} and ${max} characters; it has ${length}`);

export type CampaignTexts = {
  description: string;
  messageFlow: string;
  messageSamples: string[];
  optInMessage: string | null;
  optOutMessage: string | null;
  helpMessage: string | null;
};

export function checkCampaignTexts(body: Params): CampaignTexts {
  const text = (name: keyof typeof LENGTHS, isRequired: boolean): string | null => {
    const value = single(body, name);
    if (value === undefined || value === "") {
      if (isRequired) throw missing(name);
      return null;
    }
    const [min, max] = LENGTHS[name];
    if (value.length < min || value.length > max) throw tooLong(name, LENGTHS[name], value.length);
    return value;
  };
  const description = text("Description", true)!;
  const messageFlow = text("MessageFlow", true)!;
  const messageSamples = list(body, "MessageSamples");
  if (!messageSamples.length) throw missing("MessageSamples");
  if (messageSamples.length < SAMPLE_COUNT[0] || messageSamples.length > SAMPLE_COUNT[1])
    throw new TwilioError(
      400,
      21728,
      `MessageSamples must hold between ${SAMPLE_COUNT[0]} and ${SAMPLE_COUNT[1]} samples; it has ${messageSamples.length}`,
    );
  messageSamples.forEach((sample, index) => {
    if (sample.length < SAMPLE_LENGTH[0] || sample.length > SAMPLE_LENGTH[1])
      throw tooLong(`MessageSamples[${index}]`, SAMPLE_LENGTH, sample.length);
  });
  for (const name of ["OptInKeywords", "OptOutKeywords", "HelpKeywords"])
    for (const keyword of list(body, name))
      if (!KEYWORD.test(keyword))
        throw new TwilioError(400, 21728, `${name} must be alphanumeric words of at most 255 characters`);
  return {
    description,
    messageFlow,
    messageSamples,
    optInMessage: text("OptInMessage", false),
    optOutMessage: text("OptOutMessage", false),
    helpMessage: text("HelpMessage", false),
  };
}
