/**
 * Synthetic but plausible names for eastern Guizhou (Dong, Miao, Tujia and Han villages).
 * Nobody here is a real person.
 */
import type { Rng } from "./random";

/** Common surnames of the Dong/Miao areas of Tongren, with rough weights. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["杨", 16],
  ["吴", 12],
  ["龙", 10],
  ["姚", 6],
  ["田", 7],
  ["张", 6],
  ["王", 5],
  ["李", 5],
  ["刘", 4],
  ["陈", 4],
  ["石", 4],
  ["蒲", 3],
  ["潘", 3],
  ["粟", 2],
  ["欧", 2],
  ["滕", 2],
  ["彭", 2],
  ["罗", 2],
  ["周", 2],
  ["黄", 2],
  ["唐", 2],
  ["舒", 1],
  ["胡", 1],
  ["谢", 1],
  ["麻", 1],
  ["姜", 1],
  ["冉", 1],
  ["向", 1],
];

// Given-name characters by generation: elders (born before 1960), middle (1960-1989),
// young (1990 and later).
export const MALE_OLD = [
  "德",
  "福",
  "贵",
  "富",
  "发",
  "顺",
  "昌",
  "开",
  "光",
  "文",
  "正",
  "成",
  "才",
  "和",
  "寿",
  "明",
  "清",
  "祥",
  "茂",
  "林",
];
export const MALE_MID = [
  "军",
  "华",
  "勇",
  "平",
  "国",
  "建",
  "志",
  "海",
  "江",
  "强",
  "伟",
  "斌",
  "明",
  "兵",
  "松",
  "刚",
  "红",
  "波",
  "忠",
  "林",
  "云",
  "东",
  "胜",
  "武",
];
export const MALE_YOUNG = [
  "浩",
  "宇",
  "轩",
  "杰",
  "俊",
  "鑫",
  "涛",
  "博",
  "凯",
  "磊",
  "航",
  "睿",
  "泽",
  "晨",
  "豪",
  "然",
  "锐",
  "阳",
  "毅",
  "哲",
];
export const FEMALE_OLD = ["秀", "英", "兰", "桂", "芝", "珍", "凤", "翠", "花", "菊", "梅", "香", "莲", "玉", "金", "银", "娥", "妹"];
export const FEMALE_MID = ["芳", "丽", "红", "艳", "霞", "琴", "燕", "敏", "娟", "萍", "梅", "玲", "春", "英", "群", "平", "慧", "莉"];
export const FEMALE_YOUNG = [
  "欣",
  "怡",
  "梓",
  "涵",
  "雨",
  "萱",
  "婷",
  "琪",
  "佳",
  "思",
  "悦",
  "彤",
  "诗",
  "雅",
  "可",
  "妍",
  "茜",
  "晴",
  "瑶",
  "蕾",
];

export function pickSurname(rng: Rng, except?: string): string {
  for (;;) {
    const s = rng.weighted(SURNAMES);
    if (s !== except) return s;
  }
}

/** A given name of one or two characters suited to the birth year. */
export function givenName(rng: Rng, sex: "male" | "female", birthYear: number): string {
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
  const twoChars = birthYear >= 1990 ? rng.chance(0.85) : rng.chance(0.6);
  const first = rng.pick(pool);
  if (!twoChars) return first;
  let second = rng.pick(pool);
  while (second === first && pool.length > 1) second = rng.pick(pool);
  return first + second;
}

export function fullName(rng: Rng, surname: string, sex: "male" | "female", birthYear: number): string {
  return surname + givenName(rng, sex, birthYear);
}

/** Mobile numbers: 13x/15x/18x/19x prefixes and eight digits. */
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

export function mobile(rng: Rng): string {
  let digits = "";
  for (let i = 0; i < 8; i++) digits += String(rng.int(0, 9));
  return rng.pick(MOBILE_PREFIXES) + digits;
}
