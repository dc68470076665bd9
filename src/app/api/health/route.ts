import { checkDatabase } from "@/server/health";
import { jsonResponse } from "@/server/http";

export const dynamic = "force-dynamic";

export const GET = async () => {
  const database = await checkDatabase();
  return jsonResponse(database === "ok" ? 200 : 503, { status: database === "ok" ? "ok" : "error", database });
};
