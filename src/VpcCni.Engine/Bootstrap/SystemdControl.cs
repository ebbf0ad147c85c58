using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Bootstrap;

/// <summary>
/// The systemctl calls of an install on the machine itself (systemctl(1)): <c>daemon-reload</c> after
/// the unit changed, <c>enable --now</c> to start it, <c>disable --now</c> before removing it. Never
/// called for an alternative root: that tree is not the running system.
/// </summary>
public sealed class SystemdControl(CommandRunner runner)
{
    public const string Unit = "vpc-cni-node.service";

    public Task DaemonReloadAsync(CancellationToken cancellationToken) => RunAsync(["daemon-reload"], cancellationToken);

    public Task EnableNowAsync(CancellationToken cancellationToken) => RunAsync(["enable", "--now", Unit], cancellationToken);

    public Task DisableNowAsync(CancellationToken cancellationToken) => RunAsync(["disable", "--now", Unit], cancellationToken);

    private async Task RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        CommandResult result;
        try
        {
            result = await runner.RunAsync("systemctl", arguments, null, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandFailedException ex)
        {
            throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Bootstrap.SystemctlFailed, ex.Message, ex);
        }

        if (!result.Succeeded)
        {
            throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Bootstrap.SystemctlFailed,
                $"'{result.CommandLine}' exited with {result.ExitCode}: {result.StandardError.Trim()}");
        }
    }
}
