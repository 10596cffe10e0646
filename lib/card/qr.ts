// QR codes as SVG markup, made on the server (no image request leaves the printed page).
import "server-only";
import QRCode from "qrcode";

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1, color: { dark: "#000000", light: "#ffffff" } });
}

export function cardPath(token: string): string {
  return `/card/${token}`;
}

export function helpPath(villageId: string): string {
  return `/help/${villageId}`;
}
