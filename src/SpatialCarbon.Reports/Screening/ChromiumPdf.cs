using System.Diagnostics;

namespace SpatialCarbon.Reports.Screening;

/// <summary>Prints an HTML file to PDF with headless Chromium (Debian's /usr/bin/chromium; CJK text needs
/// fonts-noto-cjk). Writes a temporary sibling and renames it, so no half-written PDF is left behind.</summary>
public static class ChromiumPdf
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The Chromium program, or null when none is installed.</summary>
    public static string? Program => Environment.GetEnvironmentVariable("SPATIALCARBON_CHROMIUM") is { Length: > 0 } p && File.Exists(p)
        ? p : Candidates.FirstOrDefault(File.Exists);

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/>; returns null on success, else the
    /// problem in one line (Chromium missing or failing).</summary>
    public static string? TryPrint(string htmlPath, string pdfPath, TimeSpan? timeout = null)
    {
        if (Program is not { } chromium) return "report.pdf needs chromium (apt-get install chromium fonts-noto-cjk); skipped";
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pdfPath)) ?? ".", $".{Path.GetFileName(pdfPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var profile = Path.Combine(Path.GetTempPath(), $"spatialcarbon-chromium-{Guid.NewGuid():N}");
        try
        {
            var psi = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={profile}",
                "--no-pdf-header-footer", $"--print-to-pdf={temp}", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
            }) psi.ArgumentList.Add(arg);
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start chromium");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                return "chromium did not finish printing report.pdf in time; skipped";
            }

            if (process.ExitCode != 0 || !File.Exists(temp) || new FileInfo(temp).Length == 0)
                return $"chromium could not print report.pdf (exit {process.ExitCode}): {stderr.Result.Split('\n').FirstOrDefault(l => l.Length > 0) ?? ""}";
            File.Move(temp, pdfPath, overwrite: true);
            return null;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
            try
            {
                if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a lock file for a moment; a stale temp profile is harmless.
            }
        }
    }
}
