import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: 'Helpdesk',
  description: 'Customer conversations, in real time',
};

// Root layout does NOT include OrganizationRealtimeProvider
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white antialiased">{children}</body>
    </html>
  );
}
