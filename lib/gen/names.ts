/**
 * Synthetic names for the generated province: people (surname + one or two characters suited
 * to the birth year) and places (two characters + 市/县/镇/乡/村). Nobody and nowhere here is
 * real. Pure.
 */
import type { Prng } from "./prng";
// given-name characters by generation: the same pools as the demo seed
import { FEMALE_MID, FEMALE_OLD, FEMALE_YOUNG, MALE_MID, MALE_OLD, MALE_YOUNG } from "@/lib/seed/names";

/** Common surnames of south-western China, with rough weights. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ["李", 14],
  ["王", 10],
  ["张", 10],
  ["杨", 12],
  ["刘", 6],
  ["陈", 6],
  ["赵", 4],
  ["罗", 5],
  ["段", 3],
  ["字", 2],
  ["普", 2],
  ["何", 3],
  ["周", 3],
  ["黄", 3],
  ["马", 3],
  ["吴", 3],
  ["孙", 2],
  ["朱", 2],
  ["郭", 2],
  ["徐", 2],
  ["高", 2],
  ["胡", 2],
  ["杜", 1],
  ["鲁", 1],
  ["施", 1],
  ["和", 1],
  ["起", 1],
  ["自", 1],
  ["尹", 1],
  ["董", 1],
  ["沈", 1],
  ["蔡", 1],
];

export function surname(rng: Prng, except?: string): string {
  for (;;) {
    const s = rng.weighted(SURNAMES);
    if (s !== except) return s;
  }
}

export function givenName(rng: Prng, sex: "male" | "female", birthYear: number): string {
  const pool =
    sex === "male"
      ? birthYear < 1960
        ? MALE_OLD
        : birthYear < 1990
          ? MALE_MID
          : MALE_YOUNG
      : birthYear < 1960
        ? FEMALE_OLD
        : birthYear < 1990
          ? FEMALE_MID
          : FEMALE_YOUNG;
  const first = rng.pick(pool);
  if (!(birthYear >= 1990 ? rng.chance(0.85) : rng.chance(0.6))) return first;
  let second = rng.pick(pool);
  while (second === first) second = rng.pick(pool);
  return first + second;
}

const MOBILE_PREFIXES = [
  "130",
  "131",
  "132",
  "133",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "155",
  "157",
  "158",
  "159",
  "180",
  "181",
  "182",
  "183",
  "185",
  "187",
  "188",
  "189",
  "191",
  "199",
];

export function mobile(rng: Prng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, "0");
}

/** Characters that make plausible mountain place names. */
const PLACE = [
  "云",
  "岭",
  "河",
  "山",
  "石",
  "江",
  "平",
  "安",
  "新",
  "龙",
  "凤",
  "花",
  "桥",
  "坝",
  "沟",
  "寨",
  "坪",
  "塘",
  "溪",
  "林",
  "茶",
  "竹",
  "松",
  "柳",
  "金",
  "银",
  "东",
  "西",
  "南",
  "北",
  "上",
  "下",
  "中",
  "大",
  "小",
  "高",
  "马",
  "羊",
  "牛",
  "白",
  "青",
  "红",
  "长",
  "清",
  "源",
  "水",
  "田",
  "丰",
  "和",
  "兴",
  "乐",
  "宁",
  "福",
  "庆",
];

export function placeName(rng: Prng, suffix: string): string {
  const a = rng.pick(PLACE);
  let b = rng.pick(PLACE);
  while (b === a) b = rng.pick(PLACE);
  return a + b + suffix;
}
