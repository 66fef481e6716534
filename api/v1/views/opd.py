from rest_framework import generics

from api.v1.serializers.opd import OPDSummarySerializer
from cms.opd.selectors import opd_list


class OPDListView(generics.ListAPIView):
    serializer_class = OPDSummarySerializer

    def get_queryset(self):
        return opd_list()
