namespace VpcCni.Engine.Linux;

/// <summary>Route and address scopes (<c>rt_scope_t</c> in <c>linux/rtnetlink.h</c>).</summary>
#pragma warning disable CA1028 // The wire value is one byte.
public enum RouteScope : byte
#pragma warning restore CA1028
{
    /// <summary>Global ("scope global" / "universe").</summary>
    Universe = 0,

    /// <summary>Valid only inside the site.</summary>
    Site = 200,

    /// <summary>Directly attached ("scope link").</summary>
    Link = 253,

    /// <summary>The local host only.</summary>
    Host = 254,

    /// <summary>Nowhere.</summary>
    Nowhere = 255,
}
