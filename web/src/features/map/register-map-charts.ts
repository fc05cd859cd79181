// The chart types the map and the project page add to the shared ECharts build. Imported only from their lazy
// chunks, so lines, scatter and the geo component stay out of the initial bundle.
import { LineChart, LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

echarts.use([GeoComponent, LinesChart, ScatterChart, LineChart, VisualMapContinuousComponent]);
