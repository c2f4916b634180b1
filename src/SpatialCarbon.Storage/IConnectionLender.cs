using System.Data.Common;

namespace SpatialCarbon.Storage;

/// <summary>Lends a store's connection for one piece of work: the GeoPackage store's one kept connection under its
/// lock, or a pooled PostgreSQL connection returned afterwards.</summary>
internal interface IConnectionLender
{
    T Use<T>(Func<DbConnection, T> work);
}
