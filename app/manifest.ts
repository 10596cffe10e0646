// The web app manifest (/manifest.webmanifest): installable on a cadre's phone, opening on the
// cadre's household list, full screen without the browser bar.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/cadre",
    name: "精准 · 扶贫对象登记系统",
    short_name: "精准",
    description: "帮扶干部走访记录：没有信号时先存在手机上，有网络后自动发送。",
    lang: "zh-CN",
    start_url: "/cadre",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#fafaf9",
    theme_color: "#b42318",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
