// The face of an official paper (GB/T 9704 in spirit): a Song-style title, FangSong body text,
// sizes 二号 / 三号 in print; the system's CJK serif (Noto Serif CJK here) where the office fonts
// are not installed. The seal (章) is stamped over the signing office and the date: room is left
// for it (a dashed circle on the screen only).
export const OFFICIAL_CSS = `
@page { size: A4; margin: 25mm 22mm 22mm 24mm; }
.notice-official { font-family: "FangSong", "STFangsong", "FangSong_GB2312", "仿宋", "仿宋_GB2312", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif; font-size: 16px; }
.notice-official h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", "SimSun", serif; font-weight: 700; letter-spacing: 0.04em; }
.notice-official table { font-size: 15px; }
.notice-seal { width: 42mm; height: 42mm; }
@media print {
  body { background: white; }
  .notice-page { padding: 0 1px !important; } /* a table border on the margin's very edge is not cut */
  .notice-official { font-size: 16pt; line-height: 28pt; }
  .notice-official h1 { font-size: 22pt; line-height: 32pt; }
  .notice-official table { font-size: 14pt; line-height: 22pt; }
  .notice-official tr { break-inside: avoid; }
}
`;
