/**
 * East / central / west classification of the 31 provincial divisions (the national
 * statistical division used for regional policy), keyed by the 2-digit division code.
 * West: 内蒙古 广西 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆;
 * central: 山西 吉林 黑龙江 安徽 江西 河南 湖北 湖南; east: the rest.
 */
import type { Zone } from "@/lib/generated/prisma/client";

export interface ProvinceInfo {
  name: string;
  zone: Zone;
}

export const PROVINCES: Readonly<Record<string, ProvinceInfo>> = {
  "11": { name: "北京市", zone: "east" },
  "12": { name: "天津市", zone: "east" },
  "13": { name: "河北省", zone: "east" },
  "14": { name: "山西省", zone: "central" },
  "15": { name: "内蒙古自治区", zone: "west" },
  "21": { name: "辽宁省", zone: "east" },
  "22": { name: "吉林省", zone: "central" },
  "23": { name: "黑龙江省", zone: "central" },
  "31": { name: "上海市", zone: "east" },
  "32": { name: "江苏省", zone: "east" },
  "33": { name: "浙江省", zone: "east" },
  "34": { name: "安徽省", zone: "central" },
  "35": { name: "福建省", zone: "east" },
  "36": { name: "江西省", zone: "central" },
  "37": { name: "山东省", zone: "east" },
  "41": { name: "河南省", zone: "central" },
  "42": { name: "湖北省", zone: "central" },
  "43": { name: "湖南省", zone: "central" },
  "44": { name: "广东省", zone: "east" },
  "45": { name: "广西壮族自治区", zone: "west" },
  "46": { name: "海南省", zone: "east" },
  "50": { name: "重庆市", zone: "west" },
  "51": { name: "四川省", zone: "west" },
  "52": { name: "贵州省", zone: "west" },
  "53": { name: "云南省", zone: "west" },
  "54": { name: "西藏自治区", zone: "west" },
  "61": { name: "陕西省", zone: "west" },
  "62": { name: "甘肃省", zone: "west" },
  "63": { name: "青海省", zone: "west" },
  "64": { name: "宁夏回族自治区", zone: "west" },
  "65": { name: "新疆维吾尔自治区", zone: "west" },
};

/** Zone of the province a region code belongs to (its first two digits), or null. */
export function zoneOf(regionCode: string): Zone | null {
  return PROVINCES[regionCode.slice(0, 2)]?.zone ?? null;
}
