using SpatialCarbon.Core;
using SpatialCarbon.Tiles;
using SpatialCarbon.Tiles.Archives;

namespace SpatialCarbon.Tests.Tiles;

public sealed class TileMathTests
{
    [Fact]
    public void TileBoundsFollowTheSphericalMercatorSquare()
    {
        // πR for R = 6378137 m.
        var half = Math.PI * 6378137;
        var world = WebMercator.TileBounds(new TileCoord(0, 0, 0));
        Assert.Equal(-half, world.MinX, 6);
        Assert.Equal(half, world.MaxY, 6);
        var t = WebMercator.TileBounds(new TileCoord(2, 3, 1));
        Assert.Equal(half / 2, t.MinX, 6);
        Assert.Equal(0, t.MinY, 6);
        Assert.Equal(half, t.MaxX, 6);
    }

    [Fact]
    public void LonLatToMercatorMatchesTheClosedForm()
    {
        var (x, y) = WebMercator.FromLonLat(120, 32);
        Assert.Equal(6378137 * 120 * Math.PI / 180, x, 6);
        Assert.Equal(6378137 * Math.Log(Math.Tan(Math.PI / 4 + 16 * Math.PI / 180)), y, 6);
        var (lon, lat) = WebMercator.ToLonLat(x, y);
        Assert.Equal(120, lon, 9);
        Assert.Equal(32, lat, 9);
    }

    [Theory]
    [InlineData("3", "8", "0")]
    [InlineData("x", "0", "0")]
    [InlineData("25", "0", "0")]
    [InlineData("-1", "0", "0")]
    [InlineData("2", "1", "1.5")]
    public void BadTileCoordinatesAreInputErrors(string z, string x, string y) =>
        Assert.Throws<InputException>(() => TileCoord.Parse(z, x, y));

    [Fact]
    public void HilbertTileIdsFollowThePmTilesSpec()
    {
        // PMTiles v3 spec: z0 is id 0; z1 is 1 (0,0), 2 (0,1), 3 (1,1), 4 (1,0); z2 starts at 5.
        Assert.Equal(0UL, HilbertTileId.From(new TileCoord(0, 0, 0)));
        Assert.Equal(1UL, HilbertTileId.From(new TileCoord(1, 0, 0)));
        Assert.Equal(2UL, HilbertTileId.From(new TileCoord(1, 0, 1)));
        Assert.Equal(3UL, HilbertTileId.From(new TileCoord(1, 1, 1)));
        Assert.Equal(4UL, HilbertTileId.From(new TileCoord(1, 1, 0)));
        Assert.Equal(5UL, HilbertTileId.From(new TileCoord(2, 0, 0)));
        for (var z = 0; z <= 9; z++)
        {
            for (var i = 0; i < 50; i++)
            {
                var t = new TileCoord(z, (i * 7919) % (1 << z), (i * 104729) % (1 << z));
                Assert.Equal(t, HilbertTileId.To(HilbertTileId.From(t)));
            }
        }
    }
}
