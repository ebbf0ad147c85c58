using VpcCni.Plugin;

// The runtime executes vpc-cni once per operation (CNI spec, "Execution protocol").
return await CniPlugin.RunAsync(CniInvocation.FromProcess(), PluginHost.Node, CancellationToken.None).ConfigureAwait(false);
