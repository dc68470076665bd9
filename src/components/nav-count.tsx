// The count of a navigation item ("Att attestera 2"): the number is visible, and a screen
// reader hears "2 väntar på dig". Nothing when zero.
export const NavCount = ({ count, testId }: { count: number; testId: string }) =>
  count === 0 ? null : (
    <span className="ml-1 inline-flex min-w-6 items-center justify-center rounded-full bg-white px-1.5 text-sm font-bold text-brand-800" data-testid={testId}>
      {count}
      <span className="sr-only"> väntar på dig</span>
    </span>
  );
