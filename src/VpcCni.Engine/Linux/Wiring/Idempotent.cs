using VpcCni.Engine.Linux.Netlink;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>The two idempotency decisions of the wiring code, in one place (CNI spec, "DEL": a second DEL must succeed).</summary>
internal static class Idempotent
{
    /// <summary>Creates; "already exists" counts as done (upstream ignores "rule exists" the same way).</summary>
    public static void Create(Action create)
    {
        try
        {
            create();
        }
        catch (NetlinkAlreadyExistsException)
        {
        }
    }

    /// <summary>Removes; "not found" counts as done, so a second teardown is a no-op. Returns whether something was removed.</summary>
    public static bool Remove(Action remove)
    {
        try
        {
            remove();
            return true;
        }
        catch (NetlinkNotFoundException)
        {
            return false;
        }
    }
}
