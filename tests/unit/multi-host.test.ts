import { describe, expect, it } from "vitest";
import { isMultiHost, splitHosts, withDatabase } from "@/lib/db/multi-host";
import { poolConfigFromUrl } from "@/lib/db/adapter-fixes";

describe("a connection string with several hosts (pg_auto_failover's form)", () => {
  it("lists every host with its port, the target, and a one-host URL for the rest", () => {
    const l = splitHosts("postgresql://app:s%40cret@db1:6001,db2:6002,[::1]:6003/jingzhun?target_session_attrs=read-write&sslmode=disable");
    expect(l.hosts).toEqual([
      { host: "db1", port: 6001 },
      { host: "db2", port: 6002 },
      { host: "::1", port: 6003 },
    ]);
    expect(l.target).toBe("read-write");
    expect(l.url).toBe("postgresql://app:s%40cret@db1:6001/jingzhun?sslmode=disable");
  });

  it("a host without a port takes 5432; one host and no target is left as it is", () => {
    expect(splitHosts("postgres://u@a,b:7/d").hosts).toEqual([
      { host: "a", port: 5432 },
      { host: "b", port: 7 },
    ]);
    const one = "postgresql://postgres@127.0.0.1:5432/jingzhun?sslmode=disable";
    expect(splitHosts(one)).toEqual({ url: one, hosts: [{ host: "127.0.0.1", port: 5432 }], target: "any" });
    expect(isMultiHost(one)).toBe(false);
    expect(isMultiHost("postgresql://a:1,b:2/d")).toBe(true);
    expect(isMultiHost("postgresql://a:1/d?target_session_attrs=prefer-standby")).toBe(true);
  });

  it("refuses a target it does not implement, naming it", () => {
    expect(() => splitHosts("postgresql://a,b/d?target_session_attrs=read-only")).toThrow(/read-only/);
  });

  it("withDatabase keeps every host and parameter", () => {
    expect(withDatabase("postgresql://u@a:1,b:2/jz?target_session_attrs=read-write", "postgres")).toBe(
      "postgresql://u@a:1,b:2/postgres?target_session_attrs=read-write",
    );
  });

  it("the pool config of a multi-host URL carries a Client that finds the host; user and database come from the URL", () => {
    const c = poolConfigFromUrl("postgresql://app@db1:6001,db2:6002/jingzhun?target_session_attrs=read-write");
    expect(c.user).toBe("app");
    expect(c.database).toBe("jingzhun");
    expect(typeof c.Client).toBe("function");
    expect(poolConfigFromUrl("postgresql://app@db1:6001/jingzhun").Client).toBeUndefined();
  });
});

describe("where reads that may lag go", () => {
  it("JINGZHUN_READ_URL when set; else a standby of a multi-host DATABASE_URL; else the shared client (null)", async () => {
    const { readUrl } = await import("@/lib/db/client");
    expect(readUrl({ JINGZHUN_READ_URL: "postgresql://r@replica/jz", DATABASE_URL: "postgresql://a/jz" })).toBe(
      "postgresql://r@replica/jz",
    );
    expect(readUrl({ DATABASE_URL: "postgresql://app@db1:5432,db2:5432/jz?target_session_attrs=read-write&sslmode=disable" })).toBe(
      "postgresql://app@db1:5432,db2:5432/jz?target_session_attrs=prefer-standby&sslmode=disable",
    );
    expect(readUrl({ DATABASE_URL: "postgresql://app@db1:5432,db2:5432/jz" })).toBe(
      "postgresql://app@db1:5432,db2:5432/jz?target_session_attrs=prefer-standby",
    );
    expect(readUrl({ DATABASE_URL: "postgresql://app@db1:5432/jz" })).toBeNull();
    expect(readUrl({})).toBeNull();
  });
});
