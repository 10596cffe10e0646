// The session that mocked getServerSession returns; set it with helpers.signInAs().
export const testSession: {
  current: { uid: string; sv: number } | null;
  locale: "zh-CN" | "en";
  address: string;
} = { current: null, locale: "zh-CN", address: "127.0.0.1" };
