// npm run user:create -- --username anna.admin --name "Anna Admin" [--role ADMIN] [--email …]
// npm run user:create -- --installation --username drift --name "Drift" (the installation administrator)
// Creates a user (the first administrator of a production installation; with --installation
// the installation administrator, who creates municipalities in the browser). The password is
// read from YTTRA_NEW_USER_PASSWORD or asked for on the terminal, never from the command line.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { ZCreateUserSchema } from "@/features/admin/schemas";
import { createUser } from "@/features/admin/server/user-service";
import { Role } from "@/generated/prisma/enums";
import { createDb, setDb, type Db } from "@/server/db";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { migrateDatabase } from "@/server/migrate";
import { parseInput } from "@/server/validation";
import { openAppDatabase } from "./lib/app-database";

const readPassword = async (): Promise<string> => {
  const fromEnv = env.YTTRA_NEW_USER_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new Error("Ange lösenordet i YTTRA_NEW_USER_PASSWORD eller kör kommandot i en terminal.");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return await rl.question("Lösenord (minst 12 tecken): ");
  } finally {
    rl.close();
  }
};

/** The unit of --unit (default: the first municipality), as a membership's unit column. */
const resolveUnit = async (client: Db, unitId: string | undefined) => {
  const id = unitId ?? (await client.municipality.findFirst({ orderBy: { createdAt: "asc" } }))?.id;
  if (!id) throw new Error("Det finns ingen kommun i databasen. Ange --unit, eller skapa installationens administratör med --installation.");
  if (await client.municipality.findUnique({ where: { id } })) return { municipalityId: id };
  if (await client.committee.findUnique({ where: { id } })) return { committeeId: id };
  if (await client.administration.findUnique({ where: { id } })) return { administrationId: id };
  if (await client.department.findUnique({ where: { id } })) return { departmentId: id };
  throw new Error(`Enheten ${id} finns inte.`);
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      name: { type: "string" },
      title: { type: "string" },
      email: { type: "string" },
      phone: { type: "string" },
      role: { type: "string", default: "ADMIN" },
      unit: { type: "string", description: "municipality id (for ADMIN) or committee/administration/department id" },
      installation: { type: "boolean", default: false },
    },
  });
  const role = values.role as Role;
  if (!Object.values(Role).includes(role)) throw new Error(`Okänd roll ${values.role}. Välj en av: ${Object.values(Role).join(", ")}`);

  const database = await openAppDatabase();
  const client = createDb(database.url, 2);
  try {
    await migrateDatabase({ connectionString: database.url });
    setDb(client);
    const memberships = values.installation ? [] : [{ role, unit: await resolveUnit(client, values.unit) }];
    const user = await createUser({
      actorId: null,
      input: parseInput(ZCreateUserSchema, {
        username: values.username ?? "",
        name: values.name ?? "",
        title: values.title,
        email: values.email,
        phone: values.phone,
        password: await readPassword(),
      }),
      memberships,
      installationAdmin: values.installation,
    });
    console.log(values.installation ? `Användaren ${user.username} skapad som administratör för installationen.` : `Användaren ${user.username} skapad med rollen ${role}.`);
  } finally {
    await client.$disconnect();
    await database.stop();
  }
};

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(error.userMessage);
    for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) console.error(`  ${field}: ${messages.join(" ")}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
