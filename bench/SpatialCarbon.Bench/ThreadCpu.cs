using System.Runtime.InteropServices;

namespace SpatialCarbon.Bench;

/// <summary>The calling thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID): a latency measure that a loaded machine
/// inflates far less than wall time, since time spent waiting for a core is not counted.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU milliseconds used by this thread so far (NaN where the clock is unavailable).</summary>
    public static double Milliseconds() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : double.NaN;
}
