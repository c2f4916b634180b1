namespace SpatialCarbon.Core.Carbon;

/// <summary>Area and pixel count for every from→to class pair (dense K×K over the pool table's class indices),
/// accumulated in float64. Stocks and changes follow from it and the class densities, so one matrix serves the whole
/// area and each zone alike.</summary>
public sealed class TransitionMatrix
{
    public TransitionMatrix(ClassCodeIndex codes)
    {
        Codes = codes;
        Area_m2 = new double[codes.Count * codes.Count];
        Pixels = new double[codes.Count * codes.Count];
    }

    public ClassCodeIndex Codes { get; }

    /// <summary>Covered area of each pair, index from·K + to, m².</summary>
    public double[] Area_m2 { get; }

    /// <summary>Pixels of each pair (fractional when zones cover cells in part).</summary>
    public double[] Pixels { get; }

    public int Count => Codes.Count;

    public void Add(int from, int to, double area_m2, double pixels = 1)
    {
        var k = from * Codes.Count + to;
        Area_m2[k] += area_m2;
        Pixels[k] += pixels;
    }

    public void Merge(TransitionMatrix other)
    {
        for (var i = 0; i < Area_m2.Length; i++)
        {
            Area_m2[i] += other.Area_m2[i];
            Pixels[i] += other.Pixels[i];
        }
    }

    public double TotalArea_m2 => Area_m2.Sum();

    /// <summary>Stock at the baseline date (row classes), Mg C.</summary>
    public double BaselineStock_mg_c(IReadOnlyList<double> density_mg_c_ha) => Stock(density_mg_c_ha, byFrom: true);

    /// <summary>Stock at the alternate date (column classes), Mg C.</summary>
    public double AlternateStock_mg_c(IReadOnlyList<double> density_mg_c_ha) => Stock(density_mg_c_ha, byFrom: false);

    /// <summary>Non-empty pairs with their area (ha) and carbon change (Mg C), ordered by from then to code.</summary>
    public IEnumerable<TransitionEntry> Entries(IReadOnlyList<double> density_mg_c_ha)
    {
        var k = Codes.Count;
        for (var f = 0; f < k; f++)
        {
            for (var t = 0; t < k; t++)
            {
                var i = f * k + t;
                if (Pixels[i] == 0) continue;
                var ha = Area_m2[i] * CarbonUnits.HaPerM2;
                yield return new TransitionEntry(Codes.Codes[f], Codes.Codes[t], Pixels[i], ha,
                    ha * (density_mg_c_ha[t] - density_mg_c_ha[f]));
            }
        }
    }

    private double Stock(IReadOnlyList<double> density, bool byFrom)
    {
        var k = Codes.Count;
        var total = 0.0;
        for (var f = 0; f < k; f++)
        {
            for (var t = 0; t < k; t++)
                total += Area_m2[f * k + t] * CarbonUnits.HaPerM2 * density[byFrom ? f : t];
        }

        return total;
    }
}

/// <summary>One from→to pair of a <see cref="TransitionMatrix"/>: area in ha and carbon change in Mg C.</summary>
public readonly record struct TransitionEntry(int FromCode, int ToCode, double Pixels, double Area_ha, double Change_mg_c);
