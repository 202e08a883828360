import Link from 'next/link';

export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-3xl font-bold">Talk to your customers where they are</h1>
      <p className="mt-4 text-gray-600">Live chat, AI handover and a shared inbox.</p>
      <div className="mt-8 flex gap-4">
        <Link href="/dashboard" className="rounded bg-orange-500 px-4 py-2 text-white">
          Open dashboard
        </Link>
        <Link href="/reports" className="rounded border px-4 py-2">
          Public stats
        </Link>
      </div>
    </main>
  );
}
