using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Vector;

/// <summary>Reads WKT text (.wkt, .txt): one geometry per line, or geometries spanning several lines (a record ends
/// where its parentheses close). The CRS is the caller's, or an EWKT "SRID=4549;" prefix. Feature ids are the line
/// numbers where each geometry starts.</summary>
public sealed class WktReader(SpatialReference? crs = null) : IVectorSource
{
    public bool CanRead(string path) => Path.GetExtension(path).ToLowerInvariant() is ".wkt" or ".txt" or ".ewkt";

    public IReadOnlyList<string> ListLayers(string path) => [Path.GetFileNameWithoutExtension(path)];

    public VectorLayer Read(string path, string? layer = null) => ReadSource(path, layer).Repaired();

    public SourceLayer ReadSource(string path, string? layer = null)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (layer is not null && layer != name)
            throw new InputException(path, null, $"layer '{layer}' not found (a WKT file has one layer, '{name}')");

        var records = Records(path, File.ReadAllLines(path, Encoding.UTF8));
        if (records.Count == 0) throw new InputException(path, null, "no WKT geometry in the file");

        var reader = new WKTReader();
        int? fileSrid = null;
        var source = new List<SourceFeature>();
        foreach (var (line, text) in records)
        {
            var (srid, wkt) = SplitSrid(path, line, text);
            if (srid is not null)
            {
                if (fileSrid is not null && fileSrid != srid)
                    throw new InputException(path, $"line {line}", $"SRID={srid} differs from SRID={fileSrid} given earlier in the file");
                fileSrid = srid;
            }

            Geometry geometry;
            try
            {
                geometry = reader.Read(wkt);
            }
            catch (Exception e) when (e is ParseException or ArgumentException or FormatException or InvalidOperationException or IndexOutOfRangeException)
            {
                throw new InputException(path, $"line {line}", $"not a WKT geometry ({e.Message})", e);
            }

            source.Add(new SourceFeature(line, geometry, new Dictionary<string, object?>()));
        }

        SpatialReference layerCrs;
        if (fileSrid is int code)
        {
            layerCrs = CrsRegistry.TryFromEpsg(code) ?? throw new InputException(path, null, $"SRID={code} is not in the CRS registry");
            if (crs is not null && !crs.Equals(layerCrs))
                throw new InputException(path, null, $"the file says SRID={code} but {crs.Label} was given");
        }
        else
        {
            layerCrs = crs ?? throw new InputException(path, null, "WKT carries no CRS: give the layer one (EPSG:4549, for example) or prefix the geometry with SRID=4549;");
        }

        return new SourceLayer(path, name, layerCrs, [], source, []);
    }

    // A record starts on a non-blank line and ends on the line where its parentheses balance.
    private static List<(int Line, string Text)> Records(string path, string[] lines)
    {
        var records = new List<(int, string)>();
        var current = new StringBuilder();
        int start = 0, depth = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (current.Length == 0 && (text.Length == 0 || text.StartsWith('#'))) continue;
            if (current.Length == 0) start = i + 1;
            else current.Append(' ');
            current.Append(text);
            foreach (var ch in text)
            {
                depth += ch switch { '(' => 1, ')' => -1, _ => 0 };
                if (depth < 0) throw new InputException(path, $"line {i + 1}", "a ')' closes a parenthesis that was never opened");
            }

            if (depth == 0)
            {
                records.Add((start, current.ToString().TrimEnd(';')));
                current.Clear();
            }
        }

        if (current.Length > 0) throw new InputException(path, $"line {start}", "the WKT geometry starting here never closes its parentheses");
        return records;
    }

    private static (int? Srid, string Wkt) SplitSrid(string path, int line, string text)
    {
        if (!text.StartsWith("SRID=", StringComparison.OrdinalIgnoreCase)) return (null, text);
        var semicolon = text.IndexOf(';', StringComparison.Ordinal);
        if (semicolon < 0 || !int.TryParse(text.AsSpan(5, semicolon - 5), NumberStyles.None, CultureInfo.InvariantCulture, out var srid))
            throw new InputException(path, $"line {line}", "malformed EWKT prefix: expected SRID=<EPSG code>;");
        return (srid, text[(semicolon + 1)..].Trim());
    }
}
