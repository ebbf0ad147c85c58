using VpcCni.Engine.Ipam.Placement;

namespace VpcCni.Engine.Tests.Manifests;

/// <summary>ENIConfigs compared by value, their group lists element by element.</summary>
internal sealed class EniConfigComparer : IEqualityComparer<EniConfig>
{
    public bool Equals(EniConfig? x, EniConfig? y) =>
        x is not null && y is not null && x.Name == y.Name && x.Subnet == y.Subnet && x.SecurityGroups.SequenceEqual(y.SecurityGroups);

    public int GetHashCode(EniConfig obj) => HashCode.Combine(obj.Name, obj.Subnet);
}
