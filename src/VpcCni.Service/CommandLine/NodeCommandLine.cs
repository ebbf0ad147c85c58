using System.CommandLine;

namespace VpcCni.Service.CommandLine;

/// <summary>
/// <c>vpc-cni-node run [--config FILE] [--config-poll SECONDS] [--simulate [SCENARIO]]</c>, plus
/// <c>--version</c> and <c>--help</c> (docs/service.md, "Command line").
/// </summary>
public static class NodeCommandLine
{
    /// <summary>The environment file the unit names (<c>EnvironmentFile=</c>), read when <c>--config</c> is not given.</summary>
    public const string DefaultConfigPath = "/etc/vpc-cni/vpc-cni.env";

    /// <summary>How often the environment file is checked for changes by default.</summary>
    public const int DefaultConfigPollSeconds = 10;

    /// <summary>Parses <paramref name="args"/> and runs the chosen command; returns the exit status.</summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        // The host owns SIGTERM and SIGINT (its console or systemd lifetime stops it gracefully), so the
        // parser must not install handlers of its own that would end the process after a timeout.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, Output = output, Error = error };
        return Create(output, error).Parse(args).InvokeAsync(invocation);
    }

    /// <summary>The command tree; <c>run</c>'s action writes its start-up lines to <paramref name="output"/> and errors to <paramref name="error"/>.</summary>
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var config = new Option<string>("--config")
        {
            Description = "Environment file with KEY=VALUE lines (systemd EnvironmentFile= syntax) read beside the process environment; a missing file contributes nothing.",
            DefaultValueFactory = _ => DefaultConfigPath,
            HelpName = "env-file",
        };
        var poll = new Option<int>("--config-poll")
        {
            Description = "Seconds between checks of the environment file for changes; 0 reads it again only on SIGHUP.",
            DefaultValueFactory = _ => DefaultConfigPollSeconds,
            HelpName = "seconds",
        };
        poll.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--config-poll must be 0 or more seconds.");
            }
        });
        var simulate = new Option<string?>("--simulate")
        {
            Description = "Serve against an in-process EC2/IMDS simulator (default world, or the given scenario file); sockets and the checkpoint go to a per-run temporary directory unless configured.",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "scenario.json",
        };

        var run = new Command("run", "Run the node service: the IPAM socket for the CNI plugin, until SIGTERM. systemd runs this.")
        {
            config,
            poll,
            simulate,
        };

        // Host configuration keys (--IpamSocket:Path=/run/x.sock) pass through to the host, as before.
        run.TreatUnmatchedTokensAsErrors = false;
        run.SetAction((parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(poll);
            var arguments = new RunArguments(
                parse.GetValue(config) ?? DefaultConfigPath,
                seconds > 0 ? TimeSpan.FromSeconds(seconds) : null,
                parse.GetResult(simulate) is not null,
                parse.GetValue(simulate),
                [.. parse.UnmatchedTokens]);
            return NodeRunner.RunAsync(arguments, output, error, cancellationToken);
        });

        return new RootCommand("vpc-cni-node: the VpcCni node service (ipamd) for the Amazon VPC CNI plugin.") { run };
    }
}
