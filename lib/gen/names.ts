/**
 * Synthetic names for the generated province: people (surname + one or two characters suited
 * to the birth year) and places (two characters + 市/县/镇/乡/村). Nobody and nowhere here is
 * real. Pure.
 */
import type { Prng } from "./prng";

/** Common surnames of south-western China, with rough weights. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ["李", 14], ["王", 10], ["张", 10], ["杨", 12], ["刘", 6], ["陈", 6], ["赵", 4], ["罗", 5],
  ["段", 3], ["字", 2], ["普", 2], ["何", 3], ["周", 3], ["黄", 3], ["马", 3], ["吴", 3],
  ["孙", 2], ["朱", 2], ["郭", 2], ["徐", 2], ["高", 2], ["胡", 2], ["杜", 1], ["鲁", 1],
  ["施", 1], ["和", 1], ["起", 1], ["自", 1], ["尹", 1], ["董", 1], ["沈", 1], ["蔡", 1],
];

const MALE_OLD = ["德", "福", "贵", "富", "发", "顺", "昌", "开", "光", "文", "正", "成", "才", "和", "寿", "明", "清", "祥", "茂", "林"];
const MALE_MID = ["军", "华", "勇", "平", "国", "建", "志", "海", "江", "强", "伟", "斌", "明", "兵", "松", "刚", "红", "波", "忠", "林", "云", "东", "胜", "武"];
const MALE_YOUNG = ["浩", "宇", "轩", "杰", "俊", "鑫", "涛", "博", "凯", "磊", "航", "睿", "泽", "晨", "豪", "然", "锐", "阳", "毅", "哲"];
const FEMALE_OLD = ["秀", "英", "兰", "桂", "芝", "珍", "凤", "翠", "花", "菊", "梅", "香", "莲", "玉", "金", "银", "娥", "妹"];
const FEMALE_MID = ["芳", "丽", "红", "艳", "霞", "琴", "燕", "敏", "娟", "萍", "梅", "玲", "春", "英", "群", "平", "慧", "莉"];
const FEMALE_YOUNG = ["欣", "怡", "梓", "涵", "雨", "萱", "婷", "琪", "佳", "思", "悦", "彤", "诗", "雅", "可", "妍", "茜", "晴", "瑶", "蕾"];

export function surname(rng: Prng, except?: string): string {
  for (;;) {
    const s = rng.weighted(SURNAMES);
    if (s !== except) return s;
  }
}

export function givenName(rng: Prng, sex: "male" | "female", birthYear: number): string {
  const pool =
    sex === "male"
      ? birthYear < 1960 ? MALE_OLD : birthYear < 1990 ? MALE_MID : MALE_YOUNG
      : birthYear < 1960 ? FEMALE_OLD : birthYear < 1990 ? FEMALE_MID : FEMALE_YOUNG;
  const first = rng.pick(pool);
  if (!(birthYear >= 1990 ? rng.chance(0.85) : rng.chance(0.6))) return first;
  let second = rng.pick(pool);
  while (second === first) second = rng.pick(pool);
  return first + second;
}

const MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158", "159", "180", "181", "182", "183", "185", "187", "188", "189", "191", "199"];

export function mobile(rng: Prng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, "0");
}

/** Characters that make plausible mountain place names. */
const PLACE = [
  "云", "岭", "河", "山", "石", "江", "平", "安", "新", "龙", "凤", "花", "桥", "坝", "沟", "寨", "坪", "塘",
  "溪", "林", "茶", "竹", "松", "柳", "金", "银", "东", "西", "南", "北", "上", "下", "中", "大", "小", "高",
  "马", "羊", "牛", "白", "青", "红", "长", "清", "源", "水", "田", "丰", "和", "兴", "乐", "宁", "福", "庆",
];

export function placeName(rng: Prng, suffix: string): string {
  const a = rng.pick(PLACE);
  let b = rng.pick(PLACE);
  while (b === a) b = rng.pick(PLACE);
  return a + b + suffix;
}
