namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>The proxy base used when the caller adds no interfaces of its own.</summary>
public class PlainContractProxy : ContractProxyBase;
