using Spectre.Console;

namespace SpatialCarbon.Cli;

/// <summary>Progress for long work: a Spectre.Console bar on stderr when it is a terminal (cleared when done); nothing
/// when stderr is a file or a pipe, so that stderr there holds only warnings and the one error line.</summary>
internal static class ConsoleProgress
{
    public static T Run<T>(TextWriter stderr, string label, Func<IProgress<double>, T> work)
    {
        // A log or a pipe gets no progress: an error must stay the one line on stderr that scripts read.
        if (Console.IsErrorRedirected || !ReferenceEquals(stderr, Console.Error)) return work(new InlineProgress(_ => { }));

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
