// System-written procedure history lines read again in the reader's language (issue #17, point 11).
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { messages } from "@/i18n/messages";
import { historyLine } from "@/lib/procedure/history-line";

const en = createTranslator({ locale: "en", messages: messages.en, namespace: "history" }) as never;
const zh = createTranslator({ locale: "zh-CN", messages: messages["zh-CN"], namespace: "history" }) as never;

describe("historyLine", () => {
  it("agenda, vote, notice, announcement and objection lines in English", () => {
    expect(historyLine("列入 2026-11-20 评议会议程（第 3 项）", en)).toBe("On the agenda of the meeting of 2026-11-20 (item 3)");
    expect(historyLine("2026-11-20 评议会表决：赞成 9，反对 1，弃权 0；出席 10/12", en)).toBe(
      "Vote at the meeting of 2026-11-20: 9 for, 1 against, 0 abstaining; 10 of 12 present",
    );
    expect(historyLine("2026-11-20 评议会表决：赞成 8，反对 1，弃权 0，未投票 1；出席 10/12", en)).toBe(
      "Vote at the meeting of 2026-11-20: 8 for, 1 against, 0 abstaining, 1 not voting; 10 of 12 present",
    );
    expect(historyLine("公示 2026-11-21 至 2026-11-27（7 天）", en)).toBe("Public notice 2026-11-21 to 2026-11-27 (7 days)");
    expect(historyLine("公告 2026-12-01", en)).toBe("Announcement 2026-12-01");
    expect(historyLine("公告 (announcement) 4b0c6f0e-9a2d-4c11-8f3a-0d2b8c1e5f77", en)).toBe("Announced");
    expect(historyLine("比对无疑点 (no comparison flag)", en)).toBe("No comparison flag");
    expect(historyLine("异议：收入没算对", en)).toBe("Objection: 收入没算对");
  });
  it("the same lines in Chinese, without ids; what a person typed stays as typed", () => {
    expect(historyLine("2026-11-20 评议会表决：赞成 9，反对 1，弃权 0；出席 10/12", zh)).toBe(
      "2026-11-20 评议会表决：赞成 9，反对 1，弃权 0；出席 10/12",
    );
    expect(historyLine("公告 (announcement) 4b0c6f0e-9a2d-4c11-8f3a-0d2b8c1e5f77", zh)).toBe("已公告");
    expect(historyLine("乡镇审核同意", en)).toBe("乡镇审核同意");
  });
});
