using Spectre.Console;

namespace SpatialCarbon.Cli;

/// <summary>Progress for long work: a Spectre.Console bar on stderr when it is a terminal, else a plain
/// "label: N%" line every 10 % once the work has run for two seconds, so that logs of quick runs stay clean.</summary>
internal static class ConsoleProgress
{
    public static T Run<T>(TextWriter stderr, string label, Func<IProgress<double>, T> work)
    {
        if (Console.IsErrorRedirected || !ReferenceEquals(stderr, Console.Error))
        {
            var last = -1;
            var gate = new object();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            return work(new InlineProgress(p =>
            {
                var tenth = (int)(Math.Clamp(p, 0, 1) * 10);
                lock (gate)
                {
                    if (tenth <= last || clock.ElapsedMilliseconds < 2000) return;
                    last = tenth;
                    stderr.WriteLine($"{label}: {tenth * 10}%");
                }
            }));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask(label, maxValue: 1.0);
            result = work(new InlineProgress(p => task.Value = Math.Clamp(p, 0, 1)));
        });
        return result;
    }

    /// <summary>Reports synchronously on the worker's thread (Progress&lt;T&gt; would post to the thread pool and
    /// could print after the work has finished).</summary>
    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
