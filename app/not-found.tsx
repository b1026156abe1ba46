import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">We could not find that page</h1>
      <p className="mt-2 text-sm text-slate-600">It may have moved, or you may not have access to it.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 hover:underline">
        Go to your home page
      </Link>
    </main>
  );
}
