using System.Net.NetworkInformation;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>The primary ENI's link in the checked namespace: the one with the MAC instance metadata names.</summary>
internal static class PrimaryLink
{
    public static async Task<string> NameAsync(NodeCheckContext context, CancellationToken cancellationToken) =>
        (await FindAsync(context, cancellationToken).ConfigureAwait(false))?.Name ?? "eth0";

    /// <summary>The primary link, or <c>eth0</c> (the name upstream assumes) when instance metadata cannot say.</summary>
    public static async Task<Linux.LinkInfo?> FindAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        var (mac, link) = await LookupAsync(context, cancellationToken).ConfigureAwait(false);
        return mac is null ? context.InNamespace(netlink => netlink.FindLinkByName("eth0")) : link;
    }

    /// <summary>The primary ENI's MAC from instance metadata (null when it cannot be read) and the link that has it (null when none does).</summary>
    public static async Task<(string? Mac, Linux.LinkInfo? Link)> LookupAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        string mac;
        try
        {
            (_, _, mac) = await context.IdentityAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Errors.VpcCniException)
        {
            return (null, null);
        }

        var address = PhysicalAddress.Parse(mac.Replace(':', '-').ToUpperInvariant());
        return (mac, context.InNamespace(netlink => netlink.FindLinkByMac(address)));
    }
}
