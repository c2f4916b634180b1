namespace SpatialCarbon.Demo;

/// <summary>Finds the scale factor that makes a monotone expected share hit a target, by bisection.</summary>
public static class Calibration
{
    /// <summary>The factor a in [0, <paramref name="upper"/>] with share(a) = target, share non-decreasing in a.</summary>
    public static double Solve(Func<double, double> share, double target, double upper = 1000)
    {
        double lo = 0, hi = upper;
        for (var i = 0; i < 60; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (share(mid) < target) lo = mid;
            else hi = mid;
        }

        return 0.5 * (lo + hi);
    }
}
