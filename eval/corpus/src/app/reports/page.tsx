import { StatsPanel } from '@/components/dashboard/StatsPanel';
import { createSupabaseServerClient } from '@/lib/supabase/server';

export const revalidate = 60;

export default async function ReportsPage() {
  const supabase = createSupabaseServerClient();
  const { count } = await supabase.from('conversations').select('id', { count: 'exact', head: true }).eq('status', 'open');

  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="mb-6 text-2xl font-semibold">Public support stats</h1>
      <StatsPanel initialOpen={count ?? 0} />
    </main>
  );
}
