using System.Net.NetworkInformation;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>The primary ENI's link in the checked namespace: the one with the MAC instance metadata names.</summary>
internal static class PrimaryLink
{
    public static async Task<string> NameAsync(NodeCheckContext context, CancellationToken cancellationToken) =>
        (await FindAsync(context, cancellationToken).ConfigureAwait(false))?.Name ?? "eth0";

    public static async Task<Linux.LinkInfo?> FindAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            var (_, _, mac) = await context.IdentityAsync(cancellationToken).ConfigureAwait(false);
            var address = PhysicalAddress.Parse(mac.Replace(':', '-').ToUpperInvariant());
            return context.InNamespace(netlink => netlink.FindLinkByMac(address));
        }
        catch (Errors.VpcCniException)
        {
            return context.InNamespace(netlink => netlink.FindLinkByName("eth0"));
        }
    }
}
