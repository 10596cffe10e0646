/** Indicators 2 and 3 (两不愁): food and clothing, as assessed on the visit. */
import { metResult, unmetResult, type IndicatorResult } from "./indicator";

export type NoNumbers = Record<string, never>;

export function foodIndicator(food: boolean): IndicatorResult<NoNumbers> {
  return food
    ? metResult({ zh: "不愁吃：走访评定已达标", en: "Food is assured, as assessed on the visit" }, {})
    : unmetResult(
        { zh: "不愁吃未达标（走访评定）", en: "Food is not assured, as assessed on the visit" },
        { zh: "走访须评定家庭不愁吃", en: "A visit must find the household's food assured" },
        {},
      );
}

export function clothingIndicator(clothing: boolean): IndicatorResult<NoNumbers> {
  return clothing
    ? metResult({ zh: "不愁穿：走访评定已达标", en: "Clothing is assured, as assessed on the visit" }, {})
    : unmetResult(
        { zh: "不愁穿未达标（走访评定）", en: "Clothing is not assured, as assessed on the visit" },
        { zh: "走访须评定家庭不愁穿", en: "A visit must find the household's clothing assured" },
        {},
      );
}
