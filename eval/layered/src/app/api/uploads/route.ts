import { NextResponse, type NextRequest } from 'next/server';
import UploadNotifier, { type UploadMeta } from '@/lib/uploads/UploadNotifier';
import notifyUser from '@/lib/realtime/server/notify-user';
import { getSupabaseAdmin } from '@/lib/supabase/server';

export async function POST(req: NextRequest) {
  const form = await req.formData();
  const orgId = String(form.get('orgId'));
  const threadId = String(form.get('threadId'));
  const file = form.get('file') as File;
  const uploader = String(form.get('userId'));

  const admin = getSupabaseAdmin();
  const notifier = new UploadNotifier(admin, orgId, threadId);
  const meta: UploadMeta = { fileId: crypto.randomUUID(), name: file.name, size: file.size, uploadedBy: uploader };

  await notifier.started(meta);
  const { error } = await admin.storage.from('attachments').upload(`${orgId}/${threadId}/${meta.fileId}`, file);
  if (error) {
    await notifier.failed(meta.fileId, error.message);
    // ruleid: event-name-custom
    await notifyUser(orgId, uploader, 'upload_failed', { fileId: meta.fileId });
    return NextResponse.json({ error: error.message }, { status: 500 });
  }
  await notifier.done(meta);
  return NextResponse.json(meta, { status: 201 });
}
