namespace VpcCni.Service.CommandLine;

/// <summary>Exit statuses of <c>vpc-cni-node</c>.</summary>
public static class NodeExitCodes
{
    /// <summary>Stopped cleanly (SIGTERM, SIGINT).</summary>
    public const int Success = 0;

    /// <summary>Start-up failed for a reason other than configuration (socket in use, …).</summary>
    public const int StartFailed = 1;

    /// <summary>
    /// The configuration or the simulator scenario is invalid: <c>EX_CONFIG</c> of sysexits.h. The unit
    /// lists it in <c>RestartPreventExitStatus=</c> (systemd.service(5)): restarting cannot fix a bad value.
    /// </summary>
    public const int InvalidConfiguration = 78;
}
