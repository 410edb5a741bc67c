using System.Collections.ObjectModel;

namespace Ikosa.ServiceModel.Description;

/// <summary>WCF's collection of behaviors: at most one item per type, found by type.</summary>
public sealed class KeyedByTypeCollection<TItem> : KeyedCollection<Type, TItem> where TItem : notnull
{
    public KeyedByTypeCollection()
    {
    }

    public KeyedByTypeCollection(IEnumerable<TItem> items)
    {
        foreach (var item in items)
            Add(item);
    }

    /// <summary>The first item of type <typeparamref name="T"/> (or derived from it), or default.</summary>
    public T? Find<T>() => this.OfType<T>().FirstOrDefault();

    protected override Type GetKeyForItem(TItem item) => item.GetType();
}
