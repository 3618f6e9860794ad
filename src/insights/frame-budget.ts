/**
 * Up to this many events, a frame may measure the whole store on the spot (the unusual values,
 * each sensitive rule's pass: ~50 ms). Past it, the table's markers read only what is measured
 * already or the event alone, and the load's warm-up measures the rest in steps: a million events
 * take ~1 s, which would hold the first rows after a load.
 */
export const MEASURED_FOR_A_FRAME_MOST = 50_000;
