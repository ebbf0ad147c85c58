using VpcCni.Service.CommandLine;

// vpc-cni-node: `run` (what systemd starts), `--version`, `--help`; see docs/service.md.
return await NodeCommandLine.InvokeAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
