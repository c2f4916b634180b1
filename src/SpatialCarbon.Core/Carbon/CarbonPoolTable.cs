using SpatialCarbon.Core.Csv;

namespace SpatialCarbon.Core.Carbon;

/// <summary>An InVEST carbon pool table (<c>lucode,c_above,c_below,c_soil,c_dead</c> in Mg C/ha; column names
/// case-insensitive; extra columns such as <c>name</c>, <c>source</c> and <c>c_above_sd</c>… allowed).</summary>
public sealed class CarbonPoolTable
{
    /// <summary>The largest total density accepted, Mg C/ha: about twenty times the deepest peat (≈ 5,000 Mg C/ha), so
    /// only a unit or typing error exceeds it, and every density and per-cell change fits the Float32 maps.</summary>
    public const double MaxDensity_mg_c_ha = 100_000;

    private static readonly string[] PoolColumns = ["c_above", "c_below", "c_soil", "c_dead"];

    private readonly Dictionary<int, CarbonPool> _byCode;

    public CarbonPoolTable(IEnumerable<CarbonPool> pools, string path = "pools")
    {
        Path = path;
        _byCode = new Dictionary<int, CarbonPool>();
        foreach (var p in pools)
        {
            Check(p, path);
            if (!_byCode.TryAdd(p.LuCode, p)) throw new InputException(path, $"lucode {p.LuCode}", "listed twice");
        }

        Pools = _byCode.Values.OrderBy(p => p.LuCode).ToArray();
        Codes = new ClassCodeIndex(Pools.Select(p => p.LuCode));
        Density_mg_c_ha = Pools.Select(p => p.Total_mg_c_ha).ToArray();
    }

    /// <summary>The file the table came from, for error messages.</summary>
    public string Path { get; }

    /// <summary>Pools sorted by code; position i matches <see cref="Codes"/> index i.</summary>
    public IReadOnlyList<CarbonPool> Pools { get; }

    public ClassCodeIndex Codes { get; }

    /// <summary>Total density per class index, Mg C/ha.</summary>
    public double[] Density_mg_c_ha { get; }

    public CarbonPool this[int luCode] => _byCode[luCode];

    public bool Contains(int luCode) => _byCode.ContainsKey(luCode);

    public static CarbonPoolTable Read(string path) => FromCsv(CsvTable.Read(path));

    public static CarbonPoolTable Parse(string csvText, string path = "pools.csv") =>
        FromCsv(CsvTable.Read(new StringReader(csvText), path));

    public static CarbonPoolTable FromCsv(CsvTable csv)
    {
        var code = csv.Require("lucode");
        var cols = PoolColumns.Select(csv.Require).ToArray();
        var sds = PoolColumns.Select(c => csv.Optional(c + "_sd")).ToArray();
        var name = csv.Optional("name") ?? csv.Optional("lulc_name") ?? csv.Optional("lulc_desc");
        var pools = new List<CarbonPool>();
        var seen = new Dictionary<int, int>();
        foreach (var row in csv.Rows)
        {
            var lucode = csv.Integer(row, code);
            if (!seen.TryAdd(lucode, row.Line))
                throw new InputException(csv.Path, $"line {row.Line}, column 'lucode'", $"code {lucode} already given on line {seen[lucode]}");
            var v = new double[4];
            var sd = new double[4];
            for (var i = 0; i < 4; i++)
            {
                v[i] = csv.Number(row, cols[i]);
                if (v[i] < 0) throw new InputException(csv.Path, $"line {row.Line}, column '{csv.Header[cols[i]]}'", $"negative density {v[i]}");
                if (sds[i] is int s)
                {
                    sd[i] = csv.Number(row, s, empty: 0);
                    if (sd[i] < 0) throw new InputException(csv.Path, $"line {row.Line}, column '{csv.Header[s]}'", $"negative standard deviation {sd[i]}");
                }
            }

            pools.Add(new CarbonPool(lucode, name is int n ? CsvTable.Cell(row.Cells, n) : null,
                v[0], v[1], v[2], v[3], sd[0], sd[1], sd[2], sd[3]));
        }

        if (pools.Count == 0) throw new InputException(csv.Path, null, "no land-use classes listed");
        return new CarbonPoolTable(pools, csv.Path);
    }

    // Whatever parsed the table, a density that overflowed to infinity, NaN or an absurd value stops here.
    private static void Check(CarbonPool p, string path)
    {
        (string Name, double Value)[] values =
        [
            ("c_above", p.Above_mg_c_ha), ("c_below", p.Below_mg_c_ha), ("c_soil", p.Soil_mg_c_ha), ("c_dead", p.Dead_mg_c_ha),
            ("c_above_sd", p.AboveSd_mg_c_ha), ("c_below_sd", p.BelowSd_mg_c_ha), ("c_soil_sd", p.SoilSd_mg_c_ha), ("c_dead_sd", p.DeadSd_mg_c_ha),
        ];
        foreach (var (name, v) in values)
        {
            if (!double.IsFinite(v)) throw new InputException(path, $"lucode {p.LuCode}, column '{name}'", $"{v} is not a finite density");
            if (v < 0) throw new InputException(path, $"lucode {p.LuCode}, column '{name}'", $"negative density {v}");
        }

        var total = p.Total_mg_c_ha;
        if (!double.IsFinite(total) || total > MaxDensity_mg_c_ha)
        {
            throw new InputException(path, $"lucode {p.LuCode}",
                $"total density {total.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} Mg C/ha is not plausible (at most {MaxDensity_mg_c_ha.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>Throws one error listing every raster code the table lacks (sorted), or does nothing.</summary>
    public void EnsureCovers(IEnumerable<double> rasterCodes, string rasterPath)
    {
        var missing = rasterCodes.Distinct().Order().ToArray();
        if (missing.Length == 0) return;
        var list = MessageList.Cut(missing, c => c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        throw new InputException(Path, null,
            $"{missing.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} land-use code{(missing.Length == 1 ? "" : "s")} found in {rasterPath} missing from the table: {list}");
    }
}
