using VpcCni.Service.Hosting;

// vpc-cni-node: for now the gRPC server on the IPAM socket over an IPAM datastore. Configuration
// comes from the usual host sources (environment, command line); see docs/service.md.
var app = NodeServiceHost.Build(NodeServiceHost.CreateBuilder(args));
await app.RunAsync().ConfigureAwait(false);
