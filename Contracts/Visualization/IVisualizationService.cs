namespace Ikosa.Contracts;

/// <summary>What a character (or, for masters, everyone) sees; clients refetch after a notification says it changed.</summary>
[ServiceContract(Namespace = IkosaNamespaces.Services, CallbackContract = typeof(IVisualizationCallback), SessionMode = SessionMode.Required)]
public interface IVisualizationService
{
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task BindAsync(string ticket);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<ViewInfo> GetViewAsync(Guid creature);

    /// <summary>
    /// The view of <paramref name="creature"/> as <see cref="GetViewAsync"/> gives it, but without its cell lists when they
    /// are still those of <paramref name="knownCells"/> (the <see cref="ViewInfo.CellsVersion"/> of a view the caller has):
    /// then <see cref="ViewInfo.CellsUnchanged"/> is set. After someone else moved, a view is its creatures only.
    /// </summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<ViewInfo> GetViewUpdateAsync(Guid creature, long knownCells);

    /// <summary>The whole map and every creature: masters only.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    Task<ViewInfo> GetMasterViewAsync();

    /// <summary>
    /// The whole map of <paramref name="scene"/> (null: the scene on the map) and every creature in it, masters only;
    /// without the cells when they are still those of <paramref name="knownCells"/>, as <see cref="GetViewUpdateAsync"/>;
    /// and, when <paramref name="knownTokens"/> names a recent <see cref="ViewInfo.TokensVersion"/> of it, with only the
    /// creatures that changed since and the ids of those gone (<see cref="ViewInfo.TokensChangedOnly"/>): a map of a
    /// thousand creatures is sent whole once, then a move is one token.
    /// </summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<ViewInfo> GetMasterViewUpdateAsync(Guid? scene, long knownCells, long knownTokens);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<ImageInfo> GetImageAsync(string name);
}

[ServiceContract(Namespace = IkosaNamespaces.Services)]
public interface IVisualizationCallback
{
    [OperationContract(IsOneWay = true)]
    Task OnSessionEndedAsync(string reason);
}
