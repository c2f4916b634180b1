using SpatialCarbon.Core.Csv;

namespace SpatialCarbon.Core.Carbon;

/// <summary>IPCC gain-method growth rates by forest type and age class: columns <c>forest_type</c> (the raster's integer
/// code, or a name mapped to one), <c>age_min</c>, <c>age_max</c> (years, both inclusive; at a shared boundary the older
/// class wins), and either <c>agb_increment</c> (above-ground biomass, t dry matter/ha/yr, × carbon fraction) or
/// <c>agb_increment_mg_c_ha_yr</c> (already carbon), <c>root_shoot_ratio</c>, optional <c>carbon_fraction</c>
/// (default 0.47) and <c>agb_increment_sd</c>. Extra columns (age_class, source) are ignored.</summary>
public sealed class ForestGrowthTable
{
    public ForestGrowthTable(IEnumerable<ForestGrowthRate> rates, string path = "growth")
    {
        Path = path;
        Rates = rates.OrderBy(r => r.ForestType).ThenBy(r => r.AgeMin).ToArray();
        foreach (var g in Rates.GroupBy(r => r.ForestType))
        {
            var list = g.ToArray();
            for (var i = 1; i < list.Length; i++)
            {
                if (list[i].AgeMin < list[i - 1].AgeMax || list[i].AgeMin == list[i - 1].AgeMin)
                    throw new InputException(path, $"forest_type {g.Key}", $"age classes [{list[i - 1].AgeMin}, {list[i - 1].AgeMax}) and [{list[i].AgeMin}, {list[i].AgeMax}) overlap");
            }
        }
    }

    public string Path { get; }

    public IReadOnlyList<ForestGrowthRate> Rates { get; }

    public static ForestGrowthTable Read(string path, IReadOnlyDictionary<string, int>? typeCodes = null) =>
        FromCsv(CsvTable.Read(path), typeCodes);

    public static ForestGrowthTable Parse(string csvText, string path = "growth.csv", IReadOnlyDictionary<string, int>? typeCodes = null) =>
        FromCsv(CsvTable.Read(new StringReader(csvText), path), typeCodes);

    /// <param name="csv">The table.</param>
    /// <param name="typeCodes">Raster code of each forest-type name, for tables that name types instead of coding them.</param>
    public static ForestGrowthTable FromCsv(CsvTable csv, IReadOnlyDictionary<string, int>? typeCodes = null)
    {
        var type = csv.Require("forest_type");
        var min = csv.Require("age_min");
        var max = csv.Require("age_max");
        var carbon = csv.Optional("agb_increment_mg_c_ha_yr");
        var gw = carbon ?? csv.Require("agb_increment");
        var rs = csv.Require("root_shoot_ratio");
        var cf = csv.Optional("carbon_fraction");
        var sd = csv.Optional("agb_increment_sd");
        var codes = typeCodes is null ? null : new Dictionary<string, int>(typeCodes, StringComparer.OrdinalIgnoreCase);
        var rates = csv.Rows.Select(row =>
        {
            var name = CsvTable.Cell(row.Cells, type);
            int code;
            if (codes is not null && codes.TryGetValue(name, out var mapped)) code = mapped;
            else if (!int.TryParse(name, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out code))
            {
                throw new InputException(csv.Path, $"line {row.Line}, column 'forest_type'",
                    $"'{name}' is neither an integer raster code nor a forest type whose raster code was given");
            }

            var fraction = carbon is not null ? 1.0
                : cf is int c ? csv.Number(row, c, CarbonUnits.DefaultCarbonFraction) : CarbonUnits.DefaultCarbonFraction;
            var r = new ForestGrowthRate(code, csv.Number(row, min), csv.Number(row, max), csv.Number(row, gw),
                csv.Number(row, rs), fraction, sd is int s ? csv.Number(row, s, 0) : 0);
            if (r.AgeMax < r.AgeMin) throw new InputException(csv.Path, $"line {row.Line}", $"age_max {r.AgeMax} is below age_min {r.AgeMin}");
            if (r.AgbIncrement_t_dm_ha_yr < 0 || r.RootShootRatio < 0 || r.CarbonFraction is <= 0 or > 1)
                throw new InputException(csv.Path, $"line {row.Line}", "increment and root-to-shoot ratio must be ≥ 0 and carbon fraction in (0, 1]");
            return r;
        }).ToList();
        if (rates.Count == 0) throw new InputException(csv.Path, null, "no growth rates listed");
        return new ForestGrowthTable(rates, csv.Path);
    }

    /// <summary>The rate for a forest type at a stand age, or null when no class covers it.</summary>
    public ForestGrowthRate? Find(int forestType, double age)
    {
        ForestGrowthRate? found = null;
        foreach (var r in Rates)
        {
            if (r.ForestType == forestType && age >= r.AgeMin && age <= r.AgeMax) found = r;
        }

        return found;
    }
}

/// <summary>One growth-table row. <see cref="Sink_mg_c_ha_yr"/> = Gw × (1 + R) × CF (IPCC 2006 AFOLU eq. 2.9–2.10);
/// CF is 1 when the increment is already given in carbon.</summary>
public sealed record ForestGrowthRate(int ForestType, double AgeMin, double AgeMax, double AgbIncrement_t_dm_ha_yr,
    double RootShootRatio, double CarbonFraction = CarbonUnits.DefaultCarbonFraction, double AgbIncrementSd_t_dm_ha_yr = 0)
{
    public double Sink_mg_c_ha_yr => AgbIncrement_t_dm_ha_yr * (1 + RootShootRatio) * CarbonFraction;
}
