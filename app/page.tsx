import { connection } from "next/server";
import { getDb } from "@/db/client";
import { products } from "@/db/schema";

export default async function Home() {
  await connection();
  const db = await getDb();
  const rows = await db.select().from(products);
  return (
    <main className="p-8">
      <h1 className="text-2xl font-semibold">Products</h1>
      <ul>{rows.map((p) => <li key={p.id}>{p.name}</li>)}</ul>
    </main>
  );
}
