import { checkDatabase } from "@/server/health";

export const dynamic = "force-dynamic";

export const GET = async () => {
  const database = await checkDatabase();
  return Response.json(
    { status: database === "ok" ? "ok" : "error", database },
    { status: database === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
};
