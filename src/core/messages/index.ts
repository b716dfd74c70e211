import { formatNumber, NumberLocale } from "../numbers";
import { EN } from "./en";
import { ID } from "./id";

/**
 * Every text a user reads comes from here, in Indonesian (default) or English, so that the
 * core returns message ids with parameters and each face renders them in the user's language.
 */

export type Lang = "id" | "en";

export type MessageId = keyof typeof ID;

export type MessageParam = string | number | { number: number; decimals?: number };

export interface Message {
  id: MessageId;
  params?: Record<string, MessageParam>;
}

const CATALOGUES: Record<Lang, Record<MessageId, string>> = { id: ID, en: EN };

function renderParam(value: MessageParam, locale: NumberLocale): string {
  if (typeof value === "number") return formatNumber(value, locale, undefined, 4);
  if (typeof value === "string") return value;
  return formatNumber(value.number, locale, value.decimals, 4);
}

/** Fill a message's template: "{arg}" takes params.arg; numbers use the language's separators. */
export function renderMessage(message: Message, lang: Lang = "id"): string {
  const template = CATALOGUES[lang][message.id] ?? ID[message.id];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = message.params?.[key];
    return value === undefined ? whole : renderParam(value, lang);
  });
}

/** "en-US", "en-GB" → English; everything else (id-ID, absent) → Indonesian. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === "string" && /^en\b/i.test(locale) ? "en" : "id";
}
